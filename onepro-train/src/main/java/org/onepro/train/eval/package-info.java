/**
 * Validation with fixed templates and prompts per task, a background-prompt negative control and the copy-template floor.
 */
package org.onepro.train.eval;
