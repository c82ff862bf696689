/**
 * Reading text straight from bytes, shared by every format prodline parses: eight bytes at a time
 * ({@link io.prodline.core.text.EightBytes}) and exact decimals ({@link io.prodline.core.text.FastDecimal}).
 */
package io.prodline.core.text;
