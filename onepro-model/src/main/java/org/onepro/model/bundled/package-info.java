/**
 * The trained models shipped inside the jar, loaded by name without any download.
 */
package org.onepro.model.bundled;
