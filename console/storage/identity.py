"""Signing identities: a private key and X.509 certificate per user.

Generated in the app (ECDSA P-256, self-signed, naming the person, their role
and the establishment) or imported from an organisation's PKCS#12. The private
key is kept inside the vault, encrypted under a key only that user's
passphrase can reach, so a colleague who can open the vault still cannot sign
as them. Used to sign audit-chain entries and briefings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from console.errors import ValidationError
from console.i18n import _


@dataclass(frozen=True)
class Identity:
    key_pem: bytes
    cert_pem: bytes

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.cert_pem)

    @property
    def fingerprint(self) -> str:
        return cert_fingerprint(self.cert_pem)

    def private_key(self):
        return serialization.load_pem_private_key(self.key_pem, password=None)

    def sign(self, data: bytes) -> bytes:
        key = self.private_key()
        if isinstance(key, ec.EllipticCurvePrivateKey):
            return key.sign(data, ec.ECDSA(hashes.SHA256()))
        if isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        raise ValidationError(_("This signing key type is not supported; use ECDSA or RSA."))


def cert_fingerprint(cert_pem: bytes) -> str:
    cert = x509.load_pem_x509_certificate(cert_pem)
    digest = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def verify_signature(cert_pem: bytes, data: bytes, signature: bytes) -> bool:
    return verify_with(public_key(cert_pem), data, signature)


def generate_identity(person: str, role: str, establishment: str,
                      years: int = 3) -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, person[:64] or "Unnamed")]
    if role:
        attrs.append(x509.NameAttribute(NameOID.TITLE, role[:64]))
    if establishment:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, establishment[:64]))
    attrs.append(x509.NameAttribute(NameOID.COUNTRY_NAME, "GB"))
    name = x509.Name(attrs)
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=False, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                       critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    return Identity(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption()),
        cert.public_bytes(serialization.Encoding.PEM),
    )


def import_pkcs12(data: bytes, password: str | None) -> Identity:
    try:
        key, cert, _extra = pkcs12.load_key_and_certificates(
            data, password.encode("utf-8") if password else None)
    except ValueError:
        raise ValidationError(_("That certificate file could not be opened; check the file and "
                                "its password.")) from None
    if key is None or cert is None:
        raise ValidationError(_("That certificate file holds no signing key and certificate."))
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise ValidationError(_("That certificate's key type is not supported; use ECDSA or RSA."))
    return Identity(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption()),
        cert.public_bytes(serialization.Encoding.PEM),
    )


def subject_common_name(cert_pem: bytes) -> str:
    cert = x509.load_pem_x509_certificate(cert_pem)
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else ""


def public_key(cert_pem: bytes):
    """The public key of a PEM certificate, for checking many signatures."""
    return x509.load_pem_x509_certificate(cert_pem).public_key()


def verify_with(public, data: bytes, signature: bytes) -> bool:
    """``verify_signature`` for a key already loaded with ``public_key``."""
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except InvalidSignature:
        return False
    return True
