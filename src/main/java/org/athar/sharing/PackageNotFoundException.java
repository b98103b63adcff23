package org.athar.sharing;

/** No package (or ledger entry) has the id asked for; the API answers 404 naming {@code id}. */
public class PackageNotFoundException extends RuntimeException {

    public PackageNotFoundException(String packageId) {
        super("no sharing package with id " + packageId + "; list them with GET /api/v1/sharing/packages");
    }
}
