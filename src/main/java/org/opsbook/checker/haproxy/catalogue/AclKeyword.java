package org.opsbook.checker.haproxy.catalogue;

/** An ACL keyword such as {@code path_beg}: the fetch it reads and its default match method. */
public record AclKeyword(String name, String fetch, String match) {}
