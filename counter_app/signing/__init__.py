"""Digital signatures: the official's PKCS#11 token, PAdES signing, verification."""
