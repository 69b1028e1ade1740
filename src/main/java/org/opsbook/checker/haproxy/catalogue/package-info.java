/**
 * What HAProxy 2.6 knows, as data: section keywords and their argument forms, sample fetches and
 * where each may be used, converters, ACL keywords, rule actions, bind and server options,
 * removed keywords and what replaced them.
 */
package org.opsbook.checker.haproxy.catalogue;
