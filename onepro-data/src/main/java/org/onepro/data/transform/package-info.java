/**
 * Geometric transforms between original image space and the fixed square grid a model consumes, with exact
 * inverses for mapping predictions and prompts back.
 */
package org.onepro.data.transform;
