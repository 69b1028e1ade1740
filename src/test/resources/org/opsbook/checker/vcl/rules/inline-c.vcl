sub vcl_recv {
    # expect: vcl.inline-c
    C{ printf("hello"); }C
}
