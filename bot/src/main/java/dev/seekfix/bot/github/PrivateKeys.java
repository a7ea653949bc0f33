package dev.seekfix.bot.github;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Reads the App's RSA key. GitHub hands out PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}), which the JDK does not read;
 * it is wrapped into a PKCS#8 {@code PrivateKeyInfo} (RFC 5208 §5: version 0, algorithm rsaEncryption with NULL
 * parameters, the PKCS#1 bytes as an OCTET STRING) so users can paste what GitHub gave them.
 */
public final class PrivateKeys {
    private static final byte[] RSA_ALGORITHM_IDENTIFIER = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PrivateKeys() {
    }

    public static RSAPrivateKey parse(String pem, String where) {
        String text = pem.strip();
        boolean pkcs1 = text.contains("-----BEGIN RSA PRIVATE KEY-----");
        boolean pkcs8 = text.contains("-----BEGIN PRIVATE KEY-----");
        if (!pkcs1 && !pkcs8) {
            String hint = text.contains("ENCRYPTED") ? "an encrypted key; decrypt it first (openssl pkcs8 -topk8 -nocrypt)"
                    : "no PEM header";
            throw new InvalidKeyFileException("expected a PEM RSA private key (BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY) in "
                    + where + ", found " + hint + "; download a new key from the App's settings page");
        }
        String base64 = text.replaceAll("-----(BEGIN|END) (RSA )?PRIVATE KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyFileException("the PEM body in " + where + " is not base64: " + e.getMessage());
        }
        byte[] pkcs8Der = pkcs1 ? wrapPkcs1(der) : der;
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new InvalidKeyFileException("the key in " + where + " is not a readable RSA private key: " + e.getMessage());
        }
    }

    /** The public half, for checking signatures (the CRT form GitHub's keys have carries the public exponent). */
    public static RSAPublicKey publicKeyOf(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("expected an RSA key with CRT parameters, found " + key.getClass().getName());
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot build an RSA public key", e);
        }
    }

    static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octetString = tagged(0x04, pkcs1);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(version);
        content.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        content.writeBytes(octetString);
        return tagged(0x30, content.toByteArray());
    }

    /** DER tag-length-value with the definite length form (X.690 §8.1.3). */
    private static byte[] tagged(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) out.write((length >>> (8 * i)) & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
