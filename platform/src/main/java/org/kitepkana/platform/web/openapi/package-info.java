/**
 * OpenAPI documents for the services (springdoc): a shared header with a bearer-JWT security
 * scheme, gathered by the gateway's single Swagger UI.
 */
package org.kitepkana.platform.web.openapi;
