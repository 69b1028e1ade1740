/** {@code opsbook doctor}: what this machine offers opsbook (Java, and the optional real tools). */
package org.opsbook.doctor;
