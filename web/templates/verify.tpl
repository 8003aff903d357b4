{{%AUTOESCAPE context="HTML"}}
<h1>{{t_verify_choose_title}}</h1>
{{#HAS_ERROR}}<p class="error" role="alert">{{ERROR}}</p>{{/HAS_ERROR}}
<p>{{t_verify_choose_help}}</p>
<form method="post" action="{{P}}/verify" class="stack narrow">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="token" value="{{TOKEN}}">
<label for="password">{{t_field_password}}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" aria-describedby="password-help">
<p id="password-help" class="help">{{t_signup_password_help}}</p>
<button type="submit">{{t_verify_submit}}</button>
</form>
