/**
 * 3-D volumes and NIfTI-1 files: reading and writing with the header's orientation and spacing, and slicing a
 * volume into the 2-D images the model segments.
 */
package org.onepro.core.volume;
