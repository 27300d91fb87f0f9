/**
 * Model folders on disk: weights plus a {@code model.json} sidecar, and the errors that name what is wrong with
 * a folder.
 */
package org.onepro.model.io;
