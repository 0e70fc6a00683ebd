package cn.jl.govit.document.signing;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jl.govit.organization.OrganizationCodes;

/** The approval authorities (Art. 5) have their signing keys from the first start on. */
@Component
@Order(1)
class AuthorityKeys implements ApplicationRunner {

    private final SigningKeys keys;

    AuthorityKeys(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.ensure(OrganizationCodes.DIGITAL_BUREAU);
        keys.ensure(OrganizationCodes.DEVELOPMENT_REFORM);
    }
}
