/**
 * Social partners of the library network (local government first of all, then state bodies, NGOs,
 * media, businesses, international donors, schools, clinics, cultural institutions and private
 * persons), their contacts and their agreements with libraries.
 */
package org.kitepkana.partnership.partner.domain;
