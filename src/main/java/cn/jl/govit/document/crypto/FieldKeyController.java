package cn.jl.govit.document.crypto;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The security administrator's API over the field keys that seal personal data at rest (issue 7.5). */
@RestController
@RequestMapping("/api/v1/security/field-keys")
@Tag(name = "encryption at rest", description = "字段加密密钥 Field keys sealing personal data (SM4-GCM), security administrator only")
class FieldKeyController {

    private final FieldKeys keys;

    FieldKeyController(FieldKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @Operation(summary = "The current field key id, the ring's key ids and, per sealed column, how many values are under each key")
    FieldKeys.State state() {
        return keys.state();
    }

    @PostMapping("/rotation")
    @Operation(summary = "Rotates the field key: a new key becomes current (key file) and every sealed value is re-sealed under it")
    FieldKeys.Rotation rotate() {
        return keys.rotate();
    }
}
