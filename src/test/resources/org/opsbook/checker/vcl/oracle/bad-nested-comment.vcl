vcl 4.1;
/* outer /* inner */
backend default { .host = "127.0.0.1"; }
