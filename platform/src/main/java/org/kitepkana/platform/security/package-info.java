/** Who is asking ({@link org.kitepkana.platform.security.Actor}) and where that is decided. */
package org.kitepkana.platform.security;
