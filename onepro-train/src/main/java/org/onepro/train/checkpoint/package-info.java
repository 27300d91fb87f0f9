/**
 * Checkpoints written atomically (temporary folder + rename) holding everything an exact resume needs.
 */
package org.onepro.train.checkpoint;
