/**
 * The HTTP side of the kit: problem+json for every failure, request-size limits, and
 * Idempotency-Key handling for create endpoints.
 */
package org.kitepkana.platform.web;
