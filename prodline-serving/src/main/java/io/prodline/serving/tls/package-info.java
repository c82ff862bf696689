/**
 * Optional TLS for every port of the server (REST, gRPC, management) from one pair of PEM files, through the JDK's
 * own TLS implementation (no native library to install or match to the platform); optionally mutual TLS, every
 * client presenting a certificate from a given authority.
 */
package io.prodline.serving.tls;
