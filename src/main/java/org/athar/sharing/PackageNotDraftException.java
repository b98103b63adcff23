package org.athar.sharing;

/** Only a draft can be sent; a package that was sent already stays as it is (the API answers 409). */
public class PackageNotDraftException extends RuntimeException {

    public PackageNotDraftException(String packageId) {
        super("the package " + packageId + " was sent already and cannot be sent again; prepare a new package "
                + "with POST /api/v1/sharing/packages");
    }
}
