/**
 * Intensity registration of a template image onto a query image: an affine stage ({@link
 * org.onepro.classic.registration.AffineRegistration}, normalised cross-correlation over a pyramid, Commons Math's
 * BOBYQA), then a smooth deformable stage ({@link org.onepro.classic.registration.DemonsRegistration}), giving a
 * {@link org.onepro.classic.registration.Warp} that carries the template's mask (or any map) onto the query.
 * {@link org.onepro.classic.registration.Registration} runs both.
 */
package org.onepro.classic.registration;
