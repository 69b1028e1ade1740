package org.opsbook.checker.haproxy.catalogue;

/** A converter: how many arguments it needs and takes, its input and output types. */
public record ConverterSpec(String name, int required, int allowed, String input, String output) {}
