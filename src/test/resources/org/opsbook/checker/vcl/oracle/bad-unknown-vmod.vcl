vcl 4.1;

import geoip2;

backend default { .host = "127.0.0.1"; }
