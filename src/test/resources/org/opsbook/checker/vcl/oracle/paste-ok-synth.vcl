sub vcl_synth {
    set resp.http.Retry-After = "120";
    synthetic("Please try again in two minutes.");
    return (deliver);
}
