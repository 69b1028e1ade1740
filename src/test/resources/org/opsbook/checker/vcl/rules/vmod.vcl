vcl 4.1;
# expect: vcl.vmod
import geoip2;
backend default { .host = "127.0.0.1"; }
