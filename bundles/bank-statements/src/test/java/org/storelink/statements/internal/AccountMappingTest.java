package org.storelink.statements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AccountMappingTest {

    @Test
    void aCfgListIsOneCommaSeparatedStringAndIbansMatchWithoutSpacesOrCase() {
        AccountMapping mapping = AccountMapping.of(
                new String[] {"NL77 ABNA 0574 9087 65 = sh-campus-001, ch1904835028789771000=sh-office-002"}, "refuse");

        assertThat(mapping.size()).isEqualTo(2);
        assertThat(mapping.assign("NL77ABNA0574908765", Fixtures.stores("sh-campus-001")))
                .isEqualTo(new AccountMapping.Assignment("sh-campus-001", null));
        assertThat(mapping.assign("CH19 0483 5028 7897 7100 0", Fixtures.stores("sh-office-002")).storeId())
                .isEqualTo("sh-office-002");
    }

    @Test
    void noAccountsConfiguredIsValid() {
        assertThat(AccountMapping.of(new String[0], "refuse").size()).isZero();
        assertThat(AccountMapping.of(null, null).size()).isZero();
    }

    @Test
    void aPairWithoutAStoreFailsNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> AccountMapping.of(new String[] {"NL77ABNA0574908765"},
                "refuse")).withMessage("accounts: \"NL77ABNA0574908765\" is not account=storeId");
        assertThatIllegalArgumentException().isThrownBy(() -> AccountMapping.of(new String[] {"=sh-1"}, "refuse"))
                .withMessage("accounts: \"=sh-1\" is not account=storeId");
    }

    @Test
    void anAccountAssignedTwiceFails() {
        assertThatIllegalArgumentException().isThrownBy(() -> AccountMapping.of(new String[] {"A1=s1, a1=s2"},
                "refuse")).withMessage("accounts: account A1 is assigned twice (s1 and s2)");
    }

    @Test
    void anUnknownUnassignedPolicyFails() {
        assertThatIllegalArgumentException().isThrownBy(() -> AccountMapping.of(new String[0], "ignore"))
                .withMessage("unassigned: \"ignore\" is neither refuse nor accept");
    }
}
