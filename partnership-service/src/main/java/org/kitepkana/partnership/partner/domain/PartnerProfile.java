package org.kitepkana.partnership.partner.domain;

/**
 * The public face of a partner, as published on the partners topic: never its contacts or
 * agreements.
 */
public record PartnerProfile(String name, PartnerType type, String district, boolean active) {}
