/**
 * The libraries of the network as partnership-service knows them: a read model of the branch
 * directory that catalog-service publishes, used to validate library ids and derive project scale.
 */
package org.kitepkana.partnership.library.domain;
