/**
 * Optional TLS for every port of the server (REST, gRPC, management) from one pair of PEM files, through the JDK's
 * own TLS implementation (no native library to install or match to the platform).
 */
package io.prodline.serving.tls;
