/** Planning campaigns and answering invitations, by the actors allowed to. */
package org.kitepkana.events.campaign.application;
