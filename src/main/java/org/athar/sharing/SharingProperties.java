package org.athar.sharing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code athar.sharing.*}.
 *
 * @param installationName the name in this installation's OpenPGP key ({@code <name> <sharing@athar.invalid>}),
 *     which partners see when they import the key; used when the key is created at the first start
 */
@ConfigurationProperties("athar.sharing")
public record SharingProperties(@DefaultValue("Athar") String installationName) {}
