package org.amplify.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiTokenEntity, Long> {

    Optional<ApiTokenEntity> findByTokenHash(String tokenHash);

    List<ApiTokenEntity> findAllByUserIdOrderByCreatedAtDesc(long userId);

    @Modifying
    @Query("update ApiTokenEntity t set t.lastUsedAt = ?2 where t.id = ?1")
    void markUsed(long id, Instant when);
}
