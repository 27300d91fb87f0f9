/** The interactive box floor ({@link org.onepro.classic.box.BoxFill}). */
package org.onepro.classic.box;
