/** @argus/app/reviews: review decisions on screening hits, remembered per agency and applied to later screenings. */
export * from './review-query.js';
export * from './reviews.js';
