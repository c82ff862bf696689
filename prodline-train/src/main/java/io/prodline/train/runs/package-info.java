/** Run tracking: every training run and tuner trial recorded in the metadata store, to list and compare. */
package io.prodline.train.runs;
