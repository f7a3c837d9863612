package org.storelink.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class JaasEncryptionTest {

    @SuppressWarnings("unchecked")
    private static Dictionary<String, Object> updateOf(Configuration configuration) throws Exception {
        ArgumentCaptor<Dictionary<String, Object>> captor = ArgumentCaptor.forClass(Dictionary.class);
        verify(configuration).update(captor.capture());
        return captor.getValue();
    }

    @Test
    void turnsOnHashComparisonKeepingTheOtherSettings() throws Exception {
        Configuration configuration = mock(Configuration.class);
        Dictionary<String, Object> current = new Hashtable<>();
        current.put("encryption.enabled", "false");
        current.put("audit.log.enabled", "true");
        when(configuration.getProperties()).thenReturn(current);
        ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
        when(admin.getConfiguration(JaasEncryption.PID, null)).thenReturn(configuration);

        assertThat(JaasEncryption.ensure(admin)).isTrue();

        Dictionary<String, Object> updated = updateOf(configuration);
        assertThat(updated.get("encryption.enabled")).isEqualTo("true");
        assertThat(updated.get("encryption.algorithm")).isEqualTo("SHA-256");
        assertThat(updated.get("encryption.encoding")).isEqualTo("hexadecimal");
        assertThat(updated.get("audit.log.enabled")).isEqualTo("true");
    }

    @Test
    void leavesARightConfigurationAlone() throws Exception {
        Configuration configuration = mock(Configuration.class);
        Dictionary<String, Object> current = new Hashtable<>(JaasEncryption.REQUIRED);
        when(configuration.getProperties()).thenReturn(current);
        ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
        when(admin.getConfiguration(JaasEncryption.PID, null)).thenReturn(configuration);

        assertThat(JaasEncryption.ensure(admin)).isFalse();
        verify(configuration, never()).update(any());
    }
}
