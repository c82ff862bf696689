/** Any command as a trainer, under the contract of {@code docs/trainers.md}. */
package io.prodline.train.external;
