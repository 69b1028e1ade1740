/**
 * The Apache httpd 2.4 checker: reads configuration the way httpd's config.c does, checks each
 * directive against the catalogue of the enabled modules, runs lint rules, and answers request
 * questions (which virtual host, what mod_rewrite does, which file or status comes back).
 */
package org.opsbook.checker.apache;
