{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a></p>
<h1>{{t_users_title}}</h1>
<p class="help">{{t_users_help}}</p>
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<div class="table-scroll"><table><thead><tr><th scope="col">{{t_users_name}}</th><th scope="col">{{t_users_email}}</th><th scope="col">{{t_users_verified}}</th><th scope="col">{{t_users_role}}</th></tr></thead><tbody>
{{#USERS}}<tr><td dir="auto">{{NAME}}</td><td><bdi>{{EMAIL}}</bdi></td><td>{{VERIFIED}}</td><td>
<form method="post" action="{{P}}/admin/users/{{UID}}/role" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}">
<label>{{t_users_role}} <select name="role">{{#ROLES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ROLES}}</select></label>
<label>{{t_users_member_state}} <input type="text" name="member_state" value="{{MS}}" maxlength="2" size="3" pattern="[A-Za-z]{2}"></label>
<button type="submit">{{t_users_change}}</button></form></td></tr>{{/USERS}}
</tbody></table></div>
<h2>{{t_users_create}}</h2>
<form method="post" action="{{P}}/admin/users" class="stack"><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="nu-name">{{t_users_name}}</label><input id="nu-name" type="text" name="name" required maxlength="200">
<label for="nu-email">{{t_users_email}}</label><input id="nu-email" type="email" name="email" required maxlength="254">
<label for="nu-role">{{t_users_role}}</label><select id="nu-role" name="role">{{#ROLES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ROLES}}</select>
<label for="nu-ms">{{t_users_member_state}}</label><input id="nu-ms" type="text" name="member_state" maxlength="2" size="3" pattern="[A-Za-z]{2}">
<label for="nu-pw">{{t_users_password}}</label><input id="nu-pw" type="password" name="password" required minlength="12" autocomplete="new-password">
<button type="submit">{{t_users_create}}</button>
</form>
