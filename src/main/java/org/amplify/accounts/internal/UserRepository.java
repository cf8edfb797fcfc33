package org.amplify.accounts.internal;

import java.util.List;
import java.util.Optional;
import org.amplify.accounts.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<UserEntity, Long> {

    @Query("select u from UserEntity u where lower(u.username) = lower(?1)")
    Optional<UserEntity> findByUsernameIgnoringCase(String username);

    @Query("select count(u) > 0 from UserEntity u join u.roles r where r = ?1")
    boolean existsWithRole(Role role);

    @Query("select count(u) from UserEntity u join u.roles r where r = ?1 and u.enabled = true")
    long countEnabledWithRole(Role role);

    List<UserEntity> findAllByOrderByUsernameAsc();
}
