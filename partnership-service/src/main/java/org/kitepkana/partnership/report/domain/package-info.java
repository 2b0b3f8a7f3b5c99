/** Report tables: what the yearly reports of the network's partnership work are made of. */
package org.kitepkana.partnership.report.domain;
