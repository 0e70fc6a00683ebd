package cn.jl.govit.document.signing;

import java.io.IOException;
import java.util.Base64;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;

/** Published keys and an online check of a signed document, for anyone signed in. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "signatures", description = "签名 SM2 keys of the issuing authorities and signature verification")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/signing-keys/{issuer}")
    @Operation(summary = "The issuer's SM2 public key (PEM) and key id")
    SigningKeys.IssuerKey key(@PathVariable String issuer) {
        return keys.find(issuer).orElseThrow(() -> new RecordNotFoundException("SigningKey", issuer));
    }

    @GetMapping(value = "/signing-keys/{issuer}.pem", produces = "application/x-pem-file")
    @Operation(summary = "The issuer's SM2 public key as a PEM file, for the command-line verifier")
    String pem(@PathVariable String issuer) {
        return key(issuer).publicKeyPem();
    }

    @PostMapping(value = "/signatures/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Whether a document carries the issuer's SM2 signature (multipart: file, signature, issuer)")
    Verification verify(@RequestParam("file") MultipartFile file, @RequestParam("signature") String signature,
            @RequestParam("issuer") String issuer) throws IOException {
        SigningKeys.IssuerKey key = key(issuer);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature.strip());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("signature", "signature.base64");
        }
        return new Verification(keys.verify(issuer, file.getBytes(), bytes), issuer, key.keyId(), key.algorithm());
    }

    record Verification(boolean valid, String issuer, String keyId, String algorithm) {
    }
}
