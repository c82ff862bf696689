/**
 * Questions about where a model came from, answered from the metadata store: {@link
 * io.prodline.pipeline.lineage.ModelLineage} finds a registered version's model artifact by its fingerprint and
 * prints everything upstream of it as a tree, down to the data files and their fingerprints.
 */
package io.prodline.pipeline.lineage;
