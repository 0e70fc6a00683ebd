package cn.jl.govit.expert;

import cn.jl.govit.rulebook.FieldCipher;

/**
 * An expert's personal contact data (专家个人信息): the resident ID number (GB 11643) and a phone number, both
 * optional, stored sealed with SM4-GCM (issue 7.5) and shown whole only to those who manage the pool.
 */
public record ExpertContact(String username, String idNumber, String phone, long version) {

    /** The same data masked for pages that do not need it whole: {@code 220***********1234}, {@code 139****5678}. */
    public ExpertContact masked() {
        return new ExpertContact(username, FieldCipher.mask(idNumber, 3, 4), FieldCipher.mask(phone, 3, 4), version);
    }
}
