/** Schema vocabulary shared by data, training and serving: typed fields and signatures. */
package io.prodline.core.schema;
