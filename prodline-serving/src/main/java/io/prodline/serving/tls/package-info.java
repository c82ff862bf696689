/**
 * Optional TLS for the server's ports, from PEM files, through the JDK's own TLS implementation (no native
 * library to install or match to the platform).
 */
package io.prodline.serving.tls;
