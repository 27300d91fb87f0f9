/**
 * What a user sees of a saved model folder (weights plus a {@code model.json} sidecar): how it was made
 * ({@link org.onepro.model.io.ModelInfo}) and the error that names what is wrong with a folder
 * ({@link org.onepro.model.io.ModelFormatException}). Reading and writing the folders is internal.
 */
package org.onepro.model.io;
