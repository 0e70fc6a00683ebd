package cn.jl.govit.expert;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jl.govit.rulebook.SealedColumn;

/** The expert pool's personal data sealed at rest (issue 7.5): the ID number (with its blind index) and the phone. */
@Configuration(proxyBeanMethods = false)
class ExpertContactColumns {

    static final SealedColumn ID_NUMBER = new SealedColumn("expert", "username", "id_number", "id_number_index",
            ExpertContactRules::normaliseIdNumber);
    static final SealedColumn PHONE = new SealedColumn("expert", "username", "phone", null, null);

    @Bean
    SealedColumn expertIdNumberColumn() {
        return ID_NUMBER;
    }

    @Bean
    SealedColumn expertPhoneColumn() {
        return PHONE;
    }
}
